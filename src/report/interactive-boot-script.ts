/**
 * The small classic script of interactive pages, run after the libraries: for each
 * figure's `<script type="application/json" class="chart-spec">` (a Vega spec compiled in
 * Node, data inline and already disclosure-controlled), it draws the chart with vega-embed
 * into a new element (SVG renderer, tooltips, no actions menu, no injected style sheets),
 * with `ast: true` and vega-interpreter's `expressionInterpreter` (so no `eval` or
 * `new Function` is needed under the page's Content-Security-Policy), and a loader that
 * refuses every URL; when it has drawn, it replaces the static SVG and marks the chart
 * `data-interactive="ready"`. If drawing fails, the static chart stays and the error goes
 * to the console. Constant text: its SHA-256 is in the page's CSP.
 */
export const INTERACTIVE_BOOT_SCRIPT = `
(function () {
  'use strict';
  function refuse(what) {
    return function (uri) {
      return Promise.reject(new Error('report charts take inline data only: refused to ' + what + ' ' + JSON.stringify(String(uri))));
    };
  }
  var loader = { load: refuse('load'), sanitize: refuse('sanitize'), http: refuse('fetch'), file: refuse('read') };
  var options = {
    mode: 'vega',
    renderer: 'svg',
    actions: false,
    ast: true,
    expr: vegaInterpreter.expressionInterpreter,
    loader: loader,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
    logLevel: vega.Warn
  };
  Array.prototype.forEach.call(document.querySelectorAll('script.chart-spec[type="application/json"]'), function (element) {
    var figure = element.closest('figure');
    var chart = figure && figure.querySelector('.chart');
    if (!chart) {
      console.error('interactive chart: no figure chart for ' + element.id);
      return;
    }
    var target = document.createElement('div');
    target.className = 'interactive-view';
    vegaEmbed(target, JSON.parse(element.textContent), options).then(
      function () {
        chart.replaceChildren(target);
        chart.setAttribute('data-interactive', 'ready');
      },
      function (error) {
        console.error('interactive chart ' + figure.id + ' could not be drawn; the static chart stays: ' + error.message);
      }
    );
  });
})();
`.trim();
