package cn.gov.disclosure.casefile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers, sequential per year, from a configurable pattern such as {@code GK-{year}-{seq:5}}.
 * The counter row is locked by the UPDATE until the registering transaction commits, so numbers are
 * unique across nodes sharing one database, and a rolled-back registration does not burn a number.
 */
@Component
public class CaseNumberGenerator {

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d+))?}");

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;
    private final String pattern;

    public CaseNumberGenerator(JdbcClient jdbc, PlatformTransactionManager txManager,
                               @Value("${disclosure.case-number.pattern:GK-{year}-{seq:5}}") String pattern) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(txManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!SEQ.matcher(pattern).find()) {
            throw new IllegalArgumentException("disclosure.case-number.pattern must contain {seq} or {seq:N}");
        }
        this.pattern = pattern;
    }

    /** Must run inside the registering transaction. */
    public String next(int year) {
        int updated = jdbc.sql("UPDATE case_number_sequence SET last_value = last_value + 1 WHERE case_year = ?")
                .param(year).update();
        if (updated == 0) {
            createYear(year);
            jdbc.sql("UPDATE case_number_sequence SET last_value = last_value + 1 WHERE case_year = ?")
                    .param(year).update();
        }
        int value = jdbc.sql("SELECT last_value FROM case_number_sequence WHERE case_year = ?")
                .param(year).query(Integer.class).single();
        return format(pattern, year, value);
    }

    static String format(String pattern, int year, int value) {
        Matcher m = SEQ.matcher(pattern.replace("{year}", Integer.toString(year)));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            m.appendReplacement(sb, String.format("%0" + width + "d", value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** In its own transaction: a failed insert must not abort the caller's (PostgreSQL would). */
    private void createYear(int year) {
        try {
            separateTransaction.executeWithoutResult(s -> jdbc
                    .sql("INSERT INTO case_number_sequence (case_year, last_value) VALUES (?, 0)")
                    .param(year).update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherNode) {
            // fine: the row exists now
        }
    }
}
