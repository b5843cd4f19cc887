package cn.gov.disclosure.items;

import java.util.List;

/**
 * Port: the files (responsive records) attached to an item, so a split or merge keeps them bound to an item that is
 * still answered. Implemented by the records feature; without it items have no files.
 */
public interface ItemFiles {

    /** Names of the files attached to the item, empty when none. */
    List<String> names(String caseNo, int itemNo);

    /** Merge: the files of {@code from} now belong to {@code to}; each move is a case event (caller's transaction). */
    void move(String caseNo, int from, int to, String actor);

    ItemFiles NONE = new ItemFiles() {
        @Override
        public List<String> names(String caseNo, int itemNo) {
            return List.of();
        }

        @Override
        public void move(String caseNo, int from, int to, String actor) {
        }
    };
}
