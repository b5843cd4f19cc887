-- Tasks are read per process definition from now on (READ_TASK, granted at start by security/AccessSetup); the
-- rows Camunda writes per process task (candidate group, candidate user, assignee, owner) keep only the right to
-- work on the task (workflow/TaskWorkAuthorizations says why). Here the rows of tasks open before this version
-- lose READ (2) the same way, so the filters are fast on an existing database too. Only the rows the engine
-- writes: those of a group or user linked to that task; a grant an administrator made for someone else stays.
-- Standalone tasks (no process definition) keep theirs. MOD and integer division: portable to H2 and PostgreSQL.
UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ - 2, REV_ = REV_ + 1
WHERE RESOURCE_TYPE_ = 7
  AND TYPE_ = 1
  AND PERMS_ > 0
  AND MOD(PERMS_ / 2, 2) = 1
  AND RESOURCE_ID_ IN (SELECT T.ID_ FROM ACT_RU_TASK T WHERE T.PROC_DEF_ID_ IS NOT NULL)
  AND (EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L
               WHERE L.TASK_ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_
                 AND (L.GROUP_ID_ = ACT_RU_AUTHORIZATION.GROUP_ID_ OR L.USER_ID_ = ACT_RU_AUTHORIZATION.USER_ID_))
       OR EXISTS (SELECT 1 FROM ACT_RU_TASK T
                  WHERE T.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_
                    AND (T.ASSIGNEE_ = ACT_RU_AUTHORIZATION.USER_ID_ OR T.OWNER_ = ACT_RU_AUTHORIZATION.USER_ID_)));
