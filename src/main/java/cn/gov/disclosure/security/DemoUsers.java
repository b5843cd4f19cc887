package cn.gov.disclosure.security;

import cn.gov.disclosure.common.Texts;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;

import cn.gov.disclosure.cluster.ClusterLock;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: users {@code clerk}, {@code legal}, {@code head}, {@code secrecy} (and {@code admin},
 * created by Camunda from {@code camunda.bpm.admin-user}), each with the demo password.
 */
@Component
@Profile("demo")
@DependsOn("accessSetup")
public class DemoUsers implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private static final Map<String, String[]> USERS = Map.of(
            "clerk", new String[] {Texts.get("security.demo.clerk"), Texts.get("security.demo.lastName"), Groups.CLERK},
            "legal", new String[] {Texts.get("security.demo.legal"), Texts.get("security.demo.lastName"), Groups.LEGAL},
            "head", new String[] {Texts.get("security.demo.head"), Texts.get("security.demo.lastName"), Groups.HEAD},
            "secrecy", new String[] {Texts.get("security.demo.secrecy"), Texts.get("security.demo.lastName"),
                    Groups.SECRECY});

    private final IdentityService identity;
    private final String password;
    private final ClusterLock lock;

    public DemoUsers(IdentityService identity, @Value("${disclosure.demo.password:demo}") String password,
                     ClusterLock lock) {
        this.identity = identity;
        this.password = password;
        this.lock = lock;
    }

    @Override
    public void afterPropertiesSet() {
        // Check-then-insert: one node at a time (see AccessSetup).
        lock.runExclusively("access-setup", this::createUsers);
        log.warn("Demo users clerk, legal, head, secrecy and admin exist with the demo password. Never use the demo profile "
                + "in production.");
    }

    private void createUsers() {
        USERS.forEach((id, data) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User u = identity.newUser(id);
                u.setFirstName(data[1]);
                u.setLastName(data[0]);
                u.setPassword(password);
                u.setEmail(id + "@demo.invalid");
                identity.saveUser(u);
            }
            if (identity.createGroupQuery().groupMember(id).groupId(data[2]).count() == 0) {
                identity.createMembership(id, data[2]);
            }
        });
    }
}
