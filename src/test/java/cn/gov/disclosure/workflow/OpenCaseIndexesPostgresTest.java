package cn.gov.disclosure.workflow;

import cn.gov.disclosure.support.OnPostgres;

/** V46 and V51 on the production database, and the filters' answers there (the plan check is H2's). */
@OnPostgres
class OpenCaseIndexesPostgresTest extends OpenCaseIndexesTest {
}
