package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 14 item 11, 文号: every issued notice gets one, per agency and year, gap-free, reserved in a short
 * transaction of its own (no lock held while rendering) and confirmed with the notice; a refused or crashed
 * notice's number goes to the next notice; many issuers at once (as on two nodes) never share or skip a number.
 * Each test numbers in a year of its own, so the shared test database does not matter.
 */
class DocumentNumbersTest extends IntegrationTest {

    @Autowired DocumentNumbers numbers;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired cn.gov.disclosure.acknowledgment.AcknowledgmentService acknowledgments;

    ApplicationCase c;
    long noticeId;

    @BeforeEach
    void aCase() {
        c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件"), "applicant", false).caseNo());
        // The acknowledgment is issued by a job after the intake; here at once, as a staff receipt would.
        noticeId = acknowledgments.issue(c.caseNo()).id();
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS =
            new java.util.concurrent.atomic.AtomicInteger(2100 + (int) (System.currentTimeMillis() % 100) * 10);

    private static int uniqueYear() {
        return YEARS.getAndAdd(2);
    }

    @Test
    void everyIssuedNoticeCarriesItsNumberInTheDefaultPattern() {
        Notice n = notices.issueExtension(c.caseNo(), 10, "档案较多");
        String number = repository.docNumber(n.id()).orElseThrow();
        assertThat(number).matches("〔" + caseFiles.today().getYear() + "〕\\d+号");
        assertThat(NoticeChecker.textOf(repository.pdf(n.id()).orElseThrow())).contains(number);
        Notice next = notices.issueExtension(c.caseNo(), 10, "档案较多");
        int a = Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
        assertThat(repository.docNumber(next.id()).orElseThrow()).endsWith("〕" + (a + 1) + "号");
        // The acknowledgment got one too; a draft gets none.
        assertThat(repository.docNumber(noticeId)).isPresent();
        Notice draft = notices.draftReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(), null, null, null, null));
        assertThat(repository.docNumber(draft.id())).isEmpty();
        assertThat(NoticeChecker.textOf(repository.pdf(draft.id()).orElseThrow())).contains("文号发出时编定");
    }

    @Test
    void numbersArePerYearAndStartAtOne() {
        int year = uniqueYear();
        DocumentNumbers.Reservation r1 = numbers.reserve(LocalDate.of(year, 1, 5));
        numbers.confirm(r1, noticeId);
        DocumentNumbers.Reservation r2 = numbers.reserve(LocalDate.of(year, 12, 31));
        DocumentNumbers.Reservation next = numbers.reserve(LocalDate.of(year + 1, 1, 1));
        assertThat(r1.seq()).isEqualTo(1);
        assertThat(r1.text()).isEqualTo("〔" + year + "〕1号");
        assertThat(r2.seq()).isEqualTo(2);
        assertThat(next.seq()).isEqualTo(1);
    }

    @Test
    void aRefusedNoticesNumberGoesToTheNextNotice() {
        int year = uniqueYear();
        DocumentNumbers.Reservation a = numbers.reserve(LocalDate.of(year, 3, 1));
        DocumentNumbers.Reservation b = numbers.reserve(LocalDate.of(year, 3, 1));
        numbers.confirm(b, noticeId);
        numbers.release(a);
        DocumentNumbers.Reservation c1 = numbers.reserve(LocalDate.of(year, 3, 2));
        assertThat(c1.seq()).isEqualTo(a.seq());
        numbers.confirm(c1, noticeId);
        assertThat(numbers.reserve(LocalDate.of(year, 3, 2)).seq()).isEqualTo(3);
    }

    @Test
    void aNumberWhoseNoticeNeverCommittedIsReclaimedAfterTheLease() {
        int year = uniqueYear();
        DocumentNumbers.Reservation crashed = numbers.reserve(LocalDate.of(year, 5, 1));
        // The node died before the notice committed; the lease runs out.
        jdbc.sql("UPDATE notice_number SET reserved_until = ? WHERE doc_year = ? AND seq = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600 * 24 * 3650)), year,
                        crashed.seq()).update();
        DocumentNumbers.Reservation next = numbers.reserve(LocalDate.of(year, 5, 1));
        assertThat(next.seq()).isEqualTo(crashed.seq());
        numbers.confirm(next, noticeId);
        // The late node can no longer confirm the number it lost.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.confirm(crashed, noticeId))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyIssuersAtOnceNeitherShareNorSkipANumber() throws Exception {
        int year = uniqueYear();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> confirmed = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            work.add(pool.submit(() -> IntStream.range(0, 8).forEach(i -> {
                // Issuing step: reserve (own short transaction), "render", then confirm in the step's transaction.
                tx.executeWithoutResult(s -> {
                    DocumentNumbers.Reservation r = numbers.reserve(LocalDate.of(year, 6, 1));
                    if ((thread + i) % 5 == 0) {
                        numbers.release(r); // refused by the checker
                        return;
                    }
                    numbers.confirm(r, noticeId);
                    confirmed.add(r.seq());
                });
            })));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(confirmed).doesNotHaveDuplicates();
        List<Integer> all = jdbc.sql("SELECT seq FROM notice_number WHERE doc_year = ? ORDER BY seq").param(year)
                .query(Integer.class).list();
        assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(1, all.size()).boxed().toList());
        // Every number not confirmed is free for the next notice, which takes the lowest.
        List<Integer> free = new ArrayList<>(all);
        free.removeAll(confirmed);
        if (!free.isEmpty()) {
            assertThat(numbers.reserve(LocalDate.of(year, 6, 2)).seq()).isEqualTo(free.get(0));
        }
    }

    /**
     * As many issuers as the main pool has connections, each holding one in its step's transaction when it asks
     * for a number (the two-node test's ten extension notices per node at once): the reservation must not need a
     * second connection of the same pool, or every caller waits for another until the pool's timeout.
     */
    @Test
    void asManyIssuersAsTheMainPoolHasConnectionsStillGetTheirNumbers() throws Exception {
        int year = uniqueYear();
        int connections = ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        java.util.concurrent.CyclicBarrier allHoldingOne = new java.util.concurrent.CyclicBarrier(connections);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Integer>> work = new ArrayList<>();
        try {
            for (int t = 0; t < connections; t++) {
                work.add(pool.submit(() -> tx.execute(s -> {
                    // The step's transaction has its connection (a statement makes sure) ...
                    jdbc.sql("SELECT COUNT(*) FROM notice_number WHERE doc_year = ?").param(year).query(Integer.class)
                            .single();
                    try {
                        allHoldingOne.await(1, java.util.concurrent.TimeUnit.MINUTES);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    // ... when every connection of the pool is held, all of them reserve.
                    DocumentNumbers.Reservation r = numbers.reserve(LocalDate.of(year, 7, 1));
                    numbers.confirm(r, noticeId);
                    return r.seq();
                })));
            }
            List<Integer> seqs = new ArrayList<>();
            for (Future<Integer> f : work) {
                seqs.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, connections).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
