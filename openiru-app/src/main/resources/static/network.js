// The network page's graph (Cytoscape.js, loaded by the network pages only; no inline script: the CSP forbids
// it). The graph's data comes from the JSON route named in data-graph, with the page's filters. Nodes are sized by
// score and coloured by community; an edge's width follows its weight. Clicking a node opens its neighbourhood.
// Labels are set as text by Cytoscape (drawn on a canvas), never as HTML.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.querySelector('[data-graph]');
  if (box && typeof window.cytoscape === 'function') {
    const colours = ['#0b5cad', '#a4161a', '#1b6e3a', '#8a5a00', '#6a3d9a', '#00838f', '#5b6672', '#c2185b', '#33691e'];
    fetch(box.dataset.graph, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.json())
      .then((data) => {
        const communities = new Map();
        const colour = (c) => {
          if (!communities.has(c)) {
            communities.set(c, colours[communities.size % colours.length]);
          }
          return communities.get(c);
        };
        const maxScore = Math.max(0.0001, ...data.nodes.map((n) => n.score));
        const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
        const elements = data.nodes.map((n) => ({
          data: { id: String(n.id), label: `${n.rank}. ${n.label}`, size: 12 + 38 * (n.score / maxScore), colour: colour(n.community) },
        })).concat(data.edges.map((e, i) => ({
          data: { id: `e${i}`, source: String(e.source), target: String(e.target), kind: e.kind, width: 1 + 5 * (e.weight / maxWeight) },
        })));
        const cy = window.cytoscape({
          container: box,
          elements,
          layout: { name: 'cose', animate: false, randomize: false },
          style: [
            { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 9, 'text-valign': 'bottom' } },
            { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', opacity: 0.7 } },
          ],
        });
        cy.on('tap', 'node', (evt) => { window.location.href = `/network/actors/${encodeURIComponent(evt.target.id())}`; });
        box.dataset.nodes = String(data.nodes.length);
        box.dataset.edges = String(data.edges.length);
        box.classList.add('drawn');
      });
  }
  // The takedown page: the chosen action day decides where the targets form posts.
  document.querySelectorAll('select[data-targets-day]').forEach((select) => {
    const form = select.closest('form');
    const update = () => { form.action = select.value; };
    select.addEventListener('change', update);
    update();
  });
});
