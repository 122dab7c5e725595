import CandorCharts

/// The report's style sheet, inlined so the file needs nothing else: readable on screen,
/// printable to PDF (each top-level section starts a page, charts and tables are not split).
enum HTMLStyle {
    static let sheet: Markup = .styleSheet(
        """
        :root{color:#1f1f1f;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        body{margin:0}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.9rem;margin:0 0 .25rem}
        h2{font-size:1.45rem;border-bottom:2px solid #2166ac;padding-bottom:.2rem;margin-top:2.5rem}
        h3{font-size:1.2rem;margin:2rem 0 .3rem}
        h4{font-size:1.05rem;margin:1.4rem 0 .3rem}
        p.meta,.note{color:#595959}
        ul.headlines li{font-size:1.1rem;margin:.4rem 0}
        figure.chart{margin:1rem 0}
        figure.chart svg{width:100%;height:auto;display:block}
        figcaption{font-size:.9rem;color:#595959}
        svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
        svg text.value{font-weight:600}
        svg text.column{font-weight:600}
        svg text.note{fill:#1f1f1f}
        .table{overflow-x:auto}
        table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
        caption{text-align:left;font-weight:600;padding:.2rem 0}
        th,td{border-bottom:1px solid #d0d0d0;padding:.25rem .6rem;text-align:left;vertical-align:top}
        thead th{border-bottom:2px solid #1f1f1f}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        code{font-size:.88rem;word-break:break-all}
        blockquote{border-left:4px solid #bababa;margin:.5rem 0;padding:.1rem .8rem}
        section.appendix h2{border-bottom-color:#757575}
        @media print{
        :root{font-size:11pt}
        main{max-width:none;padding:0}
        section.part{break-before:page}
        section.part:first-of-type{break-before:auto}
        figure.chart,table,article.metric>header{break-inside:avoid}
        h2,h3,h4{break-after:avoid}
        a{color:inherit;text-decoration:none}
        }
        """)
}
