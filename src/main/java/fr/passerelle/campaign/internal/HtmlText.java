package fr.passerelle.campaign.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** The plain-text alternative of an HTML body: paragraphs and lines kept, links written out, markup dropped. */
final class HtmlText {

    private HtmlText() {
    }

    static String of(String html) {
        var text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e) {
                    switch (e.normalName()) {
                        case "br" -> text.append('\n');
                        case "li" -> text.append("\n- ");
                        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr" -> text.append("\n\n");
                        default -> { }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        String href = e.attr("href");
                        if (!href.isBlank() && !href.equals(e.text().strip())) {
                            text.append(" (").append(href).append(')');
                        }
                    } else if (e.normalName().matches("p|div|h[1-6]|ul|ol|table")) {
                        text.append("\n\n");
                    } else if (e.normalName().equals("td")) {
                        text.append(' ');
                    }
                }
            }
        });
        return text.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
