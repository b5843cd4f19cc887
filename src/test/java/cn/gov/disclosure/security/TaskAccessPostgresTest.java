package cn.gov.disclosure.security;

import cn.gov.disclosure.support.OnPostgres;

/** The same rights, and V47 on the production database. */
@OnPostgres
class TaskAccessPostgresTest extends TaskAccessTest {
}
