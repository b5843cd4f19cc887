package cn.gov.disclosure.e2e;

import cn.gov.disclosure.support.OnPostgres;

/** Application to e-mailed reply on PostgreSQL: the outbox delivers to GreenMail. */
@OnPostgres
class EndToEndPostgresTest extends EndToEndTest {
}
