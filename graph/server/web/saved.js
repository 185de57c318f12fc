// /saved: list newsgraph's saved queries, run one, show the rows as a table.
"use strict";
(function () {
  var list = document.getElementById("queries");
  var status = document.getElementById("status");
  var tableBox = document.getElementById("table");

  function cell(v) {
    if (v === null || v === undefined) { return ""; }
    if (Array.isArray(v)) { return v.map(cell).join("; "); }
    if (typeof v === "object") { return JSON.stringify(v); }
    return String(v);
  }

  var allFields = document.getElementById("all-fields");
  var last = null;
  allFields.addEventListener("change", function () { if (last) { render.apply(null, last); } });

  function render(name, rows, truncated, preferred) {
    last = [name, rows, truncated, preferred];
    tableBox.textContent = "";
    status.className = "";
    status.textContent = name + ": " + rows.length + " row" + (rows.length === 1 ? "" : "s") +
      (truncated ? " (truncated at the server's --limit)" : "");
    if (rows.length === 0) { return; }
    // The query's declared columns first; every field with "all fields".
    var cols = (preferred || []).slice();
    if (cols.length === 0 || allFields.checked) {
      rows.forEach(function (r) {
        Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) { cols.push(k); } });
      });
    }
    var table = ng.el("table", {"data-query": name});
    var tr = ng.el("tr");
    cols.forEach(function (c) { tr.appendChild(ng.el("th", {}, c)); });
    table.appendChild(ng.el("thead")).appendChild(tr);
    var body = table.appendChild(ng.el("tbody"));
    rows.forEach(function (r) {
      var tr = ng.el("tr");
      cols.forEach(function (c) {
        var text = cell(r[c]);
        tr.appendChild(ng.el("td", /^<[^>]*>$/.test(text) ? {"class": "iri"} : {}, text));
      });
      body.appendChild(tr);
    });
    tableBox.appendChild(table);
  }

  function run(q, form) {
    var params = {};
    q.params.forEach(function (p) {
      var v = form.elements[p.name].value.trim();
      if (v !== "") { params[p.name] = v; }
    });
    status.className = "";
    status.textContent = "Running " + q.name + "…";
    tableBox.textContent = "";
    ng.getJSON("/api/queries/" + encodeURIComponent(q.name), {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({params: params})
    }).then(function (body) {
      render(q.name, body.result, body.truncated, body.columns);
    }).catch(function (err) {
      status.className = "error";
      status.textContent = q.name + ": " + err.message;
    });
  }

  ng.getJSON("/api/queries").then(function (body) {
    list.textContent = "";
    body.queries.forEach(function (q) {
      var card = ng.el("article", {"class": "query", id: "q-" + q.name});
      card.appendChild(ng.el("h2", {}, q.usage));
      card.appendChild(ng.el("p", {}, q.description));
      var form = ng.el("form");
      q.params.forEach(function (p) {
        var input = ng.el("input", {name: p.name, placeholder: p.name + (p.optional ? " (optional)" : "") + ": " + p.description,
          title: p.description, "aria-label": p.name});
        if (!p.optional) { input.required = true; }
        form.appendChild(input);
      });
      form.appendChild(ng.el("button", {type: "submit", "class": "run"}, "Run"));
      form.addEventListener("submit", function (e) { e.preventDefault(); run(q, form); });
      card.appendChild(form);
      list.appendChild(card);
    });
  }).catch(function (err) {
    list.textContent = "";
    status.className = "error";
    status.textContent = "Cannot list saved queries: " + err.message;
  });
})();
