package cn.gov.disclosure.records;

import cn.gov.disclosure.support.OnPostgres;

/** Records, cuts, approval and release on PostgreSQL (migration V34, BYTEA content, row locks). */
@OnPostgres
class RecordsReleasePostgresTest extends RecordsReleaseTest {
}
