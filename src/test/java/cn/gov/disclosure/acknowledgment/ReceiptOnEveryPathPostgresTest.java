package cn.gov.disclosure.acknowledgment;

import cn.gov.disclosure.support.OnPostgres;

/** The receipts page's query and its index (V56) on PostgreSQL. */
@OnPostgres
class ReceiptOnEveryPathPostgresTest extends ReceiptOnEveryPathTest {
}
