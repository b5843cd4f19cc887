// Claim on open (issue 16, item 3): a group task opened in Tasklist is claimed for the signed-in user, so the form
// can be filled in at once, when the office's policy (disclosure.tasklist.claim-on-open) names one of the task's
// candidate groups and the user belongs to that group. The claim is Tasklist's own REST call with the user's
// session and CSRF token: the engine's authorization checks decide as for a click on "Claim"; a user who is not a
// candidate (an administrator looking at the list, say) is never given the task by this script.
// Served by WebappsController, which puts the configured groups in place of the marker below.
const GROUPS = /*GROUPS*/[];

function cookie(name) {
  const pair = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return pair ? decodeURIComponent(pair.substring(name.length + 1)) : '';
}

async function json(url) {
  const answer = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!answer.ok) {
    throw new Error(url + ' answered ' + answer.status);
  }
  return answer.json();
}

let memberOf = null;

/** The groups of the signed-in user, asked once per page (a sign-out reloads the page). */
function groupsOf(engineApi, user) {
  if (!memberOf) {
    memberOf = json(engineApi + '/identity/groups?userId=' + encodeURIComponent(user))
      .then(answer => (answer.groups || []).map(g => g.id))
      .catch(e => { memberOf = null; throw e; });
  }
  return memberOf;
}

export default {
  id: 'disclosure-claim-on-open',
  // The action bar above the open task: rendered once with the task column, and told of every task opened.
  pluginPoint: 'tasklist.task.action',
  priority: -100,
  render: (node, data, scope) => {
    const engineApi = data.api.engineApi;
    const taskData = scope && (scope.taskData || (scope.$parent && scope.$parent.taskData));
    if (!taskData || GROUPS.length === 0) {
      return;
    }
    // Once per opening: a task the user hands back (unclaims) while it is open stays unclaimed.
    let opened = null;
    let current = null;
    taskData.observe('task', async task => {
      current = task ? task.id : null;
      if (!task || task.id === opened) {
        return;
      }
      opened = task.id;
      const user = scope.$root.authentication && scope.$root.authentication.name;
      if (task.assignee || !user) {
        return;
      }
      try {
        const [links, mine] = await Promise.all([
          json(engineApi + '/task/' + encodeURIComponent(task.id) + '/identity-links?type=candidate'),
          groupsOf(engineApi, user)]);
        const allowed = links.some(l => l.groupId && GROUPS.includes(l.groupId) && mine.includes(l.groupId));
        if (!allowed || current !== task.id) {
          return;
        }
        const answer = await fetch(engineApi + '/task/' + encodeURIComponent(task.id) + '/claim', {
          method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN')},
          body: JSON.stringify({userId: user})});
        if (!answer.ok) {
          // Someone else took it first, or the engine refused: Tasklist shows the task as it is, with its button.
          console.warn('claim on open of task ' + task.id + ' answered ' + answer.status);
        }
        // Tasklist reloads the task (assignee, editable form) and the list, as after its own claim button.
        scope.$evalAsync(() => {
          taskData.changed('task');
          taskData.changed('taskList');
        });
      } catch (e) {
        console.warn('claim on open of task ' + task.id + ' skipped: ' + e.message);
      }
    });
  }
};
