package cn.gov.disclosure.items;

/** Whether an item is still answered, or was retired by a split or merge (its number stays reserved). */
public enum ItemState {
    /** Answered in the reply. */
    OPEN,
    /** 拆分: replaced by the items listed in {@link CaseItem#replacedBy()}. */
    SPLIT,
    /** 合并: a duplicate of the item in {@link CaseItem#replacedBy()}, answered there. */
    MERGED
}
