/**
 * The filter box above the ranking: type a unit's code or name, with or without diacritics ("hoa binh" finds
 * "Hòa Bình"), and only the matching units stay visible, their sections opened. Progressive enhancement: the box is
 * `hidden` in the markup and shown by its script, so without script nothing is hidden and no dead box is offered.
 *
 * Every unit carries its folded code and name in `data-search` (search-key.ts); the script folds only what is typed,
 * and does nothing on load but show the box (a province page has thousands of units). Sections are the elements
 * marked `data-filter-group`: hidden while filtering when none of their units match.
 */
export function UnitFilter() {
  return (
    <>
      <search class="no-print" id="unit-filter-box" hidden>
        <form class="unit-filter" id="unit-filter-form">
          <label for="unit-filter">Tìm đơn vị (mã hoặc tên, gõ có dấu hay không dấu đều được)</label>
          <div class="row">
            <input id="unit-filter" type="search" autocomplete="off" spellcheck={false} placeholder="ví dụ: hoa binh" />
          </div>
          <p class="small muted" id="unit-filter-status" aria-live="polite" />
        </form>
      </search>
      <script dangerouslySetInnerHTML={{ __html: FILTER_SCRIPT }} />
    </>
  );
}

// The fold mirrors search-key.ts (stripDiacritics ∘ normalise) for what a person types: NFD, marks dropped, đ → d,
// lower case, every dash a "-" with no space around it, spaces collapsed.
const FILTER_SCRIPT = `(function () {
  var box = document.getElementById("unit-filter-box");
  var form = document.getElementById("unit-filter-form");
  var input = document.getElementById("unit-filter");
  var status = document.getElementById("unit-filter-status");
  if (!box || !form || !input) return;
  box.hidden = false;
  // Looked up at the first keystroke: the sections after this script are not parsed yet when it runs.
  var all = function (selector) {
    var scope = ["xep-hang", "thon-theo-xa"].map(function (id) { return document.getElementById(id); }).filter(Boolean);
    var found = [];
    scope.forEach(function (s) { found.push.apply(found, s.querySelectorAll(selector)); });
    return found;
  };
  var initiallyOpen = null;
  var fold = function (s) {
    s = s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    s = s.replace(/[\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]/g, "-").replace(/\\s+/g, " ").trim();
    return s.replace(/ ?- ?/g, "-").replace(/ ?, ?/g, ", ");
  };
  function apply() {
    var q = fold(input.value);
    var details = all("details");
    if (initiallyOpen === null) initiallyOpen = details.map(function (d) { return d.open; });
    var shown = 0;
    all("[data-search]").forEach(function (item) {
      var hit = q === "" || item.getAttribute("data-search").indexOf(q) >= 0;
      item.hidden = !hit;
      if (hit && q !== "") shown++;
    });
    all("[data-filter-group]").forEach(function (group) {
      group.hidden = q !== "" && group.querySelector("[data-search]:not([hidden])") === null;
    });
    details.forEach(function (d, i) {
      d.open = q === "" ? initiallyOpen[i] : d.querySelector("[data-search]:not([hidden])") !== null;
    });
    status.textContent = q === "" ? "" : shown === 0 ? "Không có đơn vị nào khớp." : shown + " đơn vị khớp.";
  }
  input.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
})();`;
