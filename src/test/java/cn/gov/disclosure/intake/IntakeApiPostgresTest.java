package cn.gov.disclosure.intake;

import cn.gov.disclosure.support.OnPostgres;

/** The intake API's tests on PostgreSQL. */
@OnPostgres
class IntakeApiPostgresTest extends IntakeApiTest {
}
