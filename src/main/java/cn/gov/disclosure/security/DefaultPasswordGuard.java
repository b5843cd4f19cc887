package cn.gov.disclosure.security;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the application refuses to start without an administrator created by the
 * operator, while a default password is configured for the administrator, or while one still works for
 * any demo account (e.g. a database first started in demo). Camunda's own first-admin setup page is
 * closed for good ({@link SecurityConfig}): left open it lets the first anonymous visitor become
 * administrator and deploy a script.
 */
@Component
@Profile("!demo")
public class DefaultPasswordGuard implements InitializingBean {

    static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeme", "123456", "camunda");
    /** Short enough to type, long enough that guessing through the Tasklist login (with its lock-out) is hopeless. */
    static final int MIN_ADMIN_PASSWORD_LENGTH = 10;
    private static final Set<String> DEMO_ACCOUNTS = Set.of("clerk", "legal", "head", "secrecy", "admin", "demo");

    private final IdentityService identity;
    private final String adminId;
    private final String adminPassword;
    private final String mailPassword;

    public DefaultPasswordGuard(IdentityService identity,
                                @Value("${camunda.bpm.admin-user.id:}") String adminId,
                                @Value("${camunda.bpm.admin-user.password:}") String adminPassword,
                                @Value("${spring.mail.password:}") String mailPassword) {
        this.identity = identity;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
        this.mailPassword = mailPassword;
    }

    @Override
    public void afterPropertiesSet() {
        if (adminId.isBlank() && identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
            throw new IllegalStateException("Refusing to start: no administrator is configured. Set "
                    + "CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.id / "
                    + ".password, a strong password) for the first start; Camunda's first-admin setup page is disabled.");
        }
        if (!adminId.isBlank() && weak(adminPassword)) {
            throw new IllegalStateException("Refusing to start: camunda.bpm.admin-user.password is empty, a default "
                    + "password, the user id or shorter than " + MIN_ADMIN_PASSWORD_LENGTH + " characters. Set a strong "
                    + "one (e.g. environment variable CAMUNDA_BPM_ADMINUSER_PASSWORD).");
        }
        if (!mailPassword.isBlank() && DEFAULTS.contains(mailPassword.toLowerCase())) {
            throw new IllegalStateException("Refusing to start: spring.mail.password is a default password.");
        }
        for (String user : DEMO_ACCOUNTS) {
            for (String pw : DEFAULTS) {
                if (identity.checkPassword(user, pw)) {
                    throw new IllegalStateException("Refusing to start: user '" + user + "' still has a default "
                            + "password. Change it in Camunda Admin (demo profile) or delete the account.");
                }
            }
        }
    }

    private boolean weak(String password) {
        return password.isBlank() || DEFAULTS.contains(password.toLowerCase()) || password.equalsIgnoreCase(adminId)
                || password.length() < MIN_ADMIN_PASSWORD_LENGTH;
    }
}
