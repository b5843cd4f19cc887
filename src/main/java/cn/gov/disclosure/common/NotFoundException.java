package cn.gov.disclosure.common;

/** Answered as 404 with the same body whether the thing is missing or the caller may not see it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException() {
        super(Texts.get("common.notFound"));
    }
}
