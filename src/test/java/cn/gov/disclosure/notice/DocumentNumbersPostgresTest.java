package cn.gov.disclosure.notice;

import cn.gov.disclosure.support.OnPostgres;

/** 文号 on PostgreSQL: concurrent issuers collide on the primary key and retry; no gaps, no duplicates. */
@OnPostgres
class DocumentNumbersPostgresTest extends DocumentNumbersTest {
}
