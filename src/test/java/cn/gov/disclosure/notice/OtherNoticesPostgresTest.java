package cn.gov.disclosure.notice;

import cn.gov.disclosure.support.OnPostgres;

/** Notices and their outbox rows on PostgreSQL. */
@OnPostgres
class OtherNoticesPostgresTest extends OtherNoticesTest {
}
