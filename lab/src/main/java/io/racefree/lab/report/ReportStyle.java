package io.racefree.lab.report;

/**
 * The report's inline stylesheet and the few lines of script that open a transcript when its
 * cell is clicked.
 *
 * <p>Constants only; thread-safe.
 */
final class ReportStyle {
  static final String CSS = """
      :root{--bg:#f6f7fb;--ink:#1d2433;--muted:#6b7385;--line:#e3e6ee;--card:#fff;
        --pass:#1f9d55;--pass-bg:#e5f6ec;--int:#b7791f;--int-bg:#fdf3dc;--fail:#c53030;
        --fail-bg:#fde8e8;--err:#6b7385;--err-bg:#eceef3;--accent:#4953d6}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);
        font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
      main{max-width:1320px;margin:0 auto;padding:28px 32px 48px}
      header{display:flex;justify-content:space-between;align-items:center;gap:24px;
        padding:22px 26px;border-radius:14px;color:#fff;
        background:linear-gradient(120deg,#2b2f77,#4953d6 55%,#7b5cd6)}
      h1{margin:0;font-size:28px;letter-spacing:-.5px}
      h1 span{font-weight:400;opacity:.8}
      .sub{margin:4px 0 0;opacity:.85}
      .verdict{padding:10px 16px;border-radius:10px;font-weight:600;background:rgba(255,255,255,.16)}
      .verdict.good:before{content:"\\2714  "} .verdict.bad{background:#c53030}
      .verdict.bad:before{content:"\\2716  "}
      .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
      .card{background:var(--card);border:1px solid var(--line);border-radius:10px;
        padding:10px 14px;min-width:150px;flex:1}
      .card .k{font-size:11px;text-transform:uppercase;letter-spacing:.6px;color:var(--muted)}
      .card .v{font-weight:600;font-size:13px;word-break:break-word}
      .stat .v{font-size:26px}
      .stat.passed .v,.stat.prevented .v{color:var(--pass)} .stat.failed .v{color:var(--fail)}
      .stat.interesting .v{color:var(--int)}
      h2{margin:34px 0 4px;font-size:21px} h2 small{font-weight:400;color:var(--muted);
        font-size:14px;margin-left:6px}
      h3{margin:22px 0 2px;font-size:16px} .seeds{font-weight:400;color:var(--muted);
        font-size:12px;background:#eef0fb;border-radius:20px;padding:2px 8px;margin-left:6px}
      .lead,.desc{color:var(--muted);margin:2px 0 10px}
      table{border-collapse:separate;border-spacing:0;background:var(--card);
        border:1px solid var(--line);border-radius:10px;overflow:hidden;width:100%}
      th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;
        vertical-align:top}
      thead th{background:#f0f2f8;font-size:12px;color:var(--muted);white-space:nowrap}
      tbody tr:last-child>*{border-bottom:0}
      table.env td{font-size:12.5px} code{font:12px ui-monospace,"DejaVu Sans Mono",monospace}
      .matrix{table-layout:fixed} .matrix thead th:first-child{width:210px}
      .matrix tbody th{white-space:nowrap;font-weight:600;overflow:hidden;text-overflow:ellipsis}
      .matrix tr.ours th{color:var(--accent)} .matrix tr.ours th:after{content:" \\2605"}
      .cell{font-size:12px;border-left:3px solid transparent;min-width:96px}
      .cell b{display:block;font-size:11px;letter-spacing:.4px}
      .cell span{display:block;color:var(--ink);opacity:.8;word-break:break-word}
      .cell a{color:inherit;text-decoration:none;display:block}
      .cell.passed{background:var(--pass-bg);border-left-color:var(--pass)}
      .cell.passed b{color:var(--pass)}
      .cell.interesting{background:var(--int-bg);border-left-color:var(--int)}
      .cell.interesting b{color:var(--int)}
      .cell.failed{background:var(--fail-bg);border-left-color:var(--fail)}
      .cell.failed b{color:var(--fail)}
      .cell.error,.cell.timeout,.cell.skipped{background:var(--err-bg);
        border-left-color:var(--err)} .cell.error b{color:var(--err)}
      td.empty{color:#c4c8d2;text-align:center}
      .anomaly-title{display:block;font-weight:400;font-size:11px;color:var(--muted)}
      .chart-box{background:var(--card);border:1px solid var(--line);border-radius:10px;
        padding:12px;overflow-x:auto}
      .chart .bar-label{font-size:11.5px;text-anchor:end;fill:var(--ink)}
      .chart .bar-value{font-size:11px;fill:var(--muted)}
      .bar.passed{fill:#38b26d} .bar.interesting{fill:#e0a43a} .bar.failed{fill:#e05252}
      .bar.none{fill:#9aa3b5}
      .transcripts details{background:var(--card);border:1px solid var(--line);
        border-radius:8px;margin:6px 0;padding:6px 12px}
      .transcripts summary{cursor:pointer;font-size:13px}
      .transcripts details[open]{box-shadow:0 2px 10px rgba(20,30,60,.08)}
      .transcripts h4{margin:10px 0 4px;font-size:13px} h4 small{color:var(--muted);
        font-weight:400}
      .dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:8px}
      .dot.passed{background:var(--pass)} .dot.failed{background:var(--fail)}
      .dot.error{background:var(--err)}
      table.transcript{margin-bottom:8px} table.transcript td{font-size:12px;width:32%}
      table.transcript td.n{width:34px;color:var(--muted)}
      .stmt{background:#fafbff} .stmt .res{color:#2d3a8c;margin-top:2px}
      .stmt.err .res{color:var(--fail)} .blk{color:var(--int);font-size:11px}
      .chip{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:600}
      .chip.passed{background:var(--pass-bg);color:var(--pass)}
      .chip.interesting{background:var(--int-bg);color:var(--int)}
      .chip.failed{background:var(--fail-bg);color:var(--fail)}
      footer{margin-top:36px;color:var(--muted);font-size:12px}
      """;

  static final String SCRIPT = """
      function openHash(){var id=location.hash.slice(1);if(!id)return;
      var d=document.getElementById(id);if(d&&d.tagName==='DETAILS'){d.open=true;
      d.scrollIntoView({block:'start'});}}
      window.addEventListener('hashchange',openHash);openHash();
      """;

  private ReportStyle() {}
}
