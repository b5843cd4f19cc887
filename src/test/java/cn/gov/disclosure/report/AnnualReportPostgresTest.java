package cn.gov.disclosure.report;

import cn.gov.disclosure.support.OnPostgres;

/** The annual report's SQL and counts on PostgreSQL. */
@OnPostgres
class AnnualReportPostgresTest extends AnnualReportTest {
}
