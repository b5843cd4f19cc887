package cn.gov.disclosure.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.IntegrationTest;

/**
 * Case numbers from many threads at once: each registration reserves in a short transaction, then consumes in its
 * own; failures and dead registrations hand their numbers on, so each year's numbers have neither duplicates nor
 * gaps. Each test uses a year of its own (the database is shared with other tests).
 */
class CaseNumberGeneratorTest extends IntegrationTest {

    @Autowired CaseNumberGenerator numbers;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager txManager;

    @Test
    void sixteenThreadsGetEveryNumberOnceWithoutGaps() throws Exception {
        int year = 2091;
        int threads = 16;
        int each = 25;
        TransactionTemplate tx = new TransactionTemplate(txManager);
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    CaseNumberGenerator.Reservation r = numbers.reserve(year);
                    if ((thread + i) % 7 == 0) {
                        // A registration that fails after reserving: its number must go to someone else.
                        numbers.release(r);
                        continue;
                    }
                    tx.executeWithoutResult(s -> numbers.consume(r));
                    got.add(r.seq());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        // The released numbers are still reserved (given to the next registration of that year): use them up.
        while (true) {
            List<Integer> open = jdbc.sql("SELECT seq FROM case_number_reservation WHERE case_year = ?").param(year)
                    .query(Integer.class).list();
            if (open.isEmpty()) {
                break;
            }
            CaseNumberGenerator.Reservation r = numbers.reserve(year);
            assertThat(open).as("a released number is handed out before a new one").contains(r.seq());
            tx.executeWithoutResult(s -> numbers.consume(r));
            got.add(r.seq());
        }
        Set<Integer> distinct = new TreeSet<>(got);
        assertThat(distinct).as("no number twice").hasSize(got.size());
        int last = jdbc.sql("SELECT last_value FROM case_number_sequence WHERE case_year = ?").param(year)
                .query(Integer.class).single();
        assertThat(distinct).as("no gaps").hasSize(last).first().isEqualTo(1);
        assertThat(((TreeSet<Integer>) distinct).last()).isEqualTo(last);
    }

    @Test
    void aNumberWhoseRegistrationDiedGoesToTheNextAfterTheLeaseAndTheLateHolderFails() {
        int year = 2092;
        TransactionTemplate tx = new TransactionTemplate(txManager);
        CaseNumberGenerator.Reservation died = numbers.reserve(year);
        // Not yet abandoned: the next registration gets a new number.
        CaseNumberGenerator.Reservation next = numbers.reserve(year);
        assertThat(next.seq()).isEqualTo(died.seq() + 1);
        tx.executeWithoutResult(s -> numbers.consume(next));
        // Its process died: the reservation outlives the lease (10 minutes).
        jdbc.sql("UPDATE case_number_reservation SET reserved_at = ? WHERE case_year = ? AND seq = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(3600)), year, died.seq()).update();
        CaseNumberGenerator.Reservation reused = numbers.reserve(year);
        assertThat(reused.seq()).isEqualTo(died.seq());
        assertThat(reused.caseNo()).isEqualTo(died.caseNo()).startsWith("GK-2092-0000");
        // Were the first holder still alive, its registration now fails rather than using the number twice.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> numbers.consume(died)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(died.caseNo());
        tx.executeWithoutResult(s -> numbers.consume(reused));
        assertThat(jdbc.sql("SELECT count(*) FROM case_number_reservation WHERE case_year = ?").param(year)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void insideATransactionARollbackGivesTheNumberBack() {
        int year = 2093;
        TransactionTemplate tx = new TransactionTemplate(txManager);
        String first = tx.execute(s -> {
            CaseNumberGenerator.Reservation r = numbers.reserve(year);
            numbers.consume(r);
            s.setRollbackOnly();
            return r.caseNo();
        });
        String second = tx.execute(s -> {
            CaseNumberGenerator.Reservation r = numbers.reserve(year);
            numbers.consume(r);
            return r.caseNo();
        });
        assertThat(second).isEqualTo(first).isEqualTo("GK-2093-00001");
    }

    @Test
    void aNumberAlreadyUsedByACaseIsNeverHandedOutAgain() {
        int year = 2094;
        TransactionTemplate tx = new TransactionTemplate(txManager);
        // As after restoring an older backup of the counter: cases 1-3 exist, the counter says 1, and number 2 is
        // still reserved (stale, past its lease) beside its case.
        CaseNumberGenerator.Reservation first = numbers.reserve(year);
        tx.executeWithoutResult(s -> numbers.consume(first));
        for (int seq = 1; seq <= 3; seq++) {
            storeCase(CaseNumberGenerator.format("GK-{year}-{seq:5}", year, seq));
        }
        jdbc.sql("INSERT INTO case_number_reservation (case_year, seq, token, reserved_at) VALUES (?, 2, 'stale', ?)")
                .params(year, Timestamp.from(Instant.now().minusSeconds(3600))).update();

        CaseNumberGenerator.Reservation next = numbers.reserve(year);
        assertThat(next.caseNo()).as("past every number in use").isEqualTo("GK-2094-00004");
        assertThat(jdbc.sql("SELECT count(*) FROM case_number_reservation WHERE case_year = ? AND token = 'stale'")
                .param(year).query(Integer.class).single()).as("the stale reservation removed").isZero();
        tx.executeWithoutResult(s -> numbers.consume(next));
        assertThat(numbers.reserve(year).seq()).isEqualTo(5);
    }

    private void storeCase(String caseNo) {
        jdbc.sql("""
                INSERT INTO application_case (case_no, tracking_code_hash, channel, received_on, applicant_type,
                  applicant_name, id_type, id_number, description, info_form, delivery, filled_in_by_staff, status,
                  due_on, created_at, created_by)
                VALUES (?, 'x', 'ONLINE', DATE '2094-01-05', 'NATURAL_PERSON', '测试', 'OTHER', 'X', '编号测试',
                  'ELECTRONIC', 'EMAIL', FALSE, 'CLOSED', DATE '2094-02-05', CURRENT_TIMESTAMP, 'test')
                """).param(caseNo).update();
    }
}
