package cn.gov.disclosure.workflow;

import cn.gov.disclosure.support.OnPostgres;

/** Every path of the disclosure process on PostgreSQL. */
@OnPostgres("process")
class DisclosureProcessPostgresTest extends DisclosureProcessTest {
}
