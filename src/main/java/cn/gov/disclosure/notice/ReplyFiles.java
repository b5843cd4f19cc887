package cn.gov.disclosure.notice;

import java.util.List;

/**
 * Port: the files that go out with a reply (listed in the reply notice with name, pages and SHA-256) and what
 * was withheld from them and why (for a partial disclosure). Provided by the records feature.
 */
public interface ReplyFiles {

    /** A released file: item number, file name, pages (null for office originals), SHA-256. */
    record File(int itemNo, String name, Integer pages, String sha256) {
    }

    /** What was withheld from an item (whole file or parts of pages) and on which ground. */
    record Withheld(int itemNo, String fileName, String what, String ground, String article) {
    }

    /** Everything the notice states about the files; {@code byMail}: attached to the e-mail as well. */
    record Listing(List<File> files, List<Withheld> withheld, int downloadDays, boolean byMail) {

        public boolean isEmpty() {
            return files.isEmpty() && withheld.isEmpty();
        }
    }

    Listing forReply(String caseNo);
}
