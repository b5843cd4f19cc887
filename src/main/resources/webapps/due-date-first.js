// Due date first (issue 16, item 3): Tasklist sorts its list by the "sorting" parameter of the page's address and,
// when there is none, newest first — the shared filters' own sorting by due date is overridden by that default.
// Clerks work to statutory deadlines, so when the address names no sorting this script puts "due date, earliest
// first" into it. A sorting the user picks in the list's header is in the address and stays.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function dueDateFirst() {
  const hash = window.location.hash;
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace((q < 0 ? hash : hash.substring(0, q)) + '?' + params.toString());
}

window.addEventListener('hashchange', dueDateFirst);
dueDateFirst();
