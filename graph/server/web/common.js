// Shared helpers of newsgraph's pages: JSON requests and the server info line.
"use strict";
var ng = (function () {
  function getJSON(url, opts) {
    return fetch(url, opts).then(function (r) {
      return r.json().catch(function () { return {error: "HTTP " + r.status}; }).then(function (body) {
        if (!r.ok || body.error) { throw new Error(body.error || "HTTP " + r.status); }
        return body;
      });
    });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  getJSON("/api/info").then(function (i) {
    document.getElementById("info").textContent = i.quads + " quads · " +
      (i.writable ? "writable" : "read-only") + " · timeout " + i.timeout + " · limit " + i.limit;
  }).catch(function () {});
  return {getJSON: getJSON, el: el};
})();
