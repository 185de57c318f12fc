// /graph: draw the claim neighbourhood (saved query "claimgraph") with
// cytoscape: who states which claim, who relays it, its figures and places,
// and what the figures count.
"use strict";
(function () {
  var colors = {
    person: "#2f6fde", org: "#8a3fc7", group: "#168a7a", norp: "#168a7a", gpe: "#3b9a32", loc: "#3b9a32",
    fac: "#3b9a32", event: "#c0652b", claim: "#f2b705", figure: "#d9463b", text: "#8c95a3"
  };
  var names = {person: "person", org: "organisation", group: "group", gpe: "place", claim: "claim", figure: "figure", text: "unresolved speaker"};
  var legend = document.getElementById("legend");
  Object.keys(names).forEach(function (k) {
    var s = ng.el("span", {style: "--c:" + colors[k]}, names[k]);
    legend.appendChild(s);
  });
  var status = document.getElementById("status");
  var box = document.getElementById("cy");
  var cy = null;

  function draw(rows) {
    var nodes = {}, edges = [];
    function node(id, label, kind) {
      if (!nodes[id]) { nodes[id] = {data: {id: id, label: label, kind: kind, color: colors[kind] || "#666"}}; }
    }
    rows.forEach(function (r, i) {
      node(r.source, r.source_label, r.source_kind);
      node(r.target, r.target_label, r.target_kind);
      edges.push({data: {id: "e" + i, source: r.source, target: r.target, label: r.edge}});
    });
    var elements = Object.keys(nodes).map(function (k) { return nodes[k]; }).concat(edges);
    if (cy) { cy.destroy(); }
    box.removeAttribute("data-nodes");
    cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        {selector: "node", style: {
          "background-color": "data(color)", label: "data(label)", "font-size": 13, color: "#1d2433",
          "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22,
          "text-wrap": "wrap", "text-max-width": 150, "text-background-color": "#fff", "text-background-opacity": 0.8}},
        {selector: "node[kind = 'claim']", style: {
          shape: "round-rectangle", width: 170, height: 54, "text-valign": "center", "text-margin-y": 0,
          "text-max-width": 160, "font-size": 12, "background-opacity": 0.35, "border-width": 1.5, "border-color": "#c99400",
          "text-background-opacity": 0}},
        {selector: "node[kind = 'figure']", style: {shape: "diamond", width: 26, height: 26}},
        {selector: "node[kind = 'text']", style: {shape: "round-rectangle", "font-style": "italic"}},
        {selector: "edge", style: {
          width: 1.6, "line-color": "#9aa3b2", "target-arrow-color": "#9aa3b2", "target-arrow-shape": "triangle",
          "curve-style": "bezier", label: "data(label)", "font-size": 12, color: "#4a5262",
          "text-background-color": "#f6f7f9", "text-background-opacity": 1, "text-rotation": "autorotate"}}
      ],
      layout: {name: "breadthfirst", directed: true, spacingFactor: 1.15, padding: 30, avoidOverlap: true, animate: false}
    });
    // Layers (speakers, claims, figures and places, counted things) read
    // well while they fit; a bigger graph gets a force-directed layout,
    // started from the layers so that it comes out the same every time.
    if (cy.nodes().length > 20) {
      cy.layout({name: "cose", randomize: false, animate: false, nodeDimensionsIncludeLabels: true,
        idealEdgeLength: function () { return 90; }, nodeRepulsion: function () { return 400000; },
        nodeOverlap: 40, gravity: 0.8, componentSpacing: 60, numIter: 2500, padding: 20}).run();
      // Keep labels legible: rather pan than shrink text below ~9px.
      if (cy.zoom() < 0.75) {
        cy.zoom(0.75);
        cy.center(cy.nodes().max(function (n) { return n.degree(); }).ele);
      }
    }
    box.setAttribute("data-nodes", String(Object.keys(nodes).length));
    box.setAttribute("data-edges", String(edges.length));
    return Object.keys(nodes).length;
  }

  function load(entity) {
    status.textContent = "Loading…";
    var url = "/api/queries/claimgraph" + (entity ? "?entity=" + encodeURIComponent(entity) : "");
    ng.getJSON(url).then(function (body) {
      var n = draw(body.result);
      status.textContent = n + " nodes, " + body.result.length + " edges" + (body.truncated ? " (truncated at --limit)" : "") +
        (n > 20 ? " — large graph: drag to pan, scroll to zoom, or pick an entity" : "");
    }).catch(function (err) {
      status.textContent = err.message;
    });
  }

  var input = document.getElementById("entity");
  var q = new URLSearchParams(window.location.search).get("entity");
  if (q) { input.value = q; }
  document.getElementById("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var v = input.value.trim();
    history.replaceState(null, "", v ? "?entity=" + encodeURIComponent(v) : window.location.pathname);
    load(v);
  });
  load(input.value.trim());
})();
