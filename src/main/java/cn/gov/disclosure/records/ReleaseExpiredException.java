package cn.gov.disclosure.records;

/** The download period of a released file has ended. */
public class ReleaseExpiredException extends RuntimeException {

    private final transient RecordRepository.Release release;

    ReleaseExpiredException(RecordRepository.Release release) {
        super("release " + release.id() + " expired at " + release.expiresAt());
        this.release = release;
    }

    RecordRepository.Release release() {
        return release;
    }
}
