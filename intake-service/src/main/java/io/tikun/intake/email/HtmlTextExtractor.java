package io.tikun.intake.email;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into plain text with the line structure a reader sees, so that quoted-history
 * markers ("On ... wrote:", "From:") still start lines; blockquoted text comes out prefixed with "> ".
 */
final class HtmlTextExtractor {

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "pre", "hr", "blockquote", "address", "article", "section", "header", "footer",
            "center", "dl", "dt", "dd");
    private static final String NOT_CONTENT = "script, style, head, title, noscript, template, object, embed, iframe";
    private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final String QUOTE_PREFIX = "> ";
    private static final String LIST_BULLET = "- ";
    private static final String CELL_SEPARATOR = " ";

    private HtmlTextExtractor() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select(NOT_CONTENT).remove();
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, document.body());
        return collector.text();
    }

    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private boolean atLineStart = true;
        private int quoteDepth;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode) {
                TextNode text = (TextNode) node;
                append(preDepth > 0 ? text.getWholeText() : HTML_WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
            } else if (node instanceof Element) {
                String tag = ((Element) node).normalName();
                if (tag.equals("br")) {
                    newLine();
                } else if (BLOCK_TAGS.contains(tag)) {
                    endLine();
                    if (tag.equals("blockquote")) {
                        quoteDepth++;
                    } else if (tag.equals("pre")) {
                        preDepth++;
                    } else if (tag.equals("li")) {
                        append(LIST_BULLET);
                    }
                } else if (tag.equals("td") || tag.equals("th")) {
                    append(CELL_SEPARATOR);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element) {
                String tag = ((Element) node).normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    endLine();
                    if (tag.equals("blockquote")) {
                        quoteDepth--;
                    } else if (tag.equals("pre")) {
                        preDepth--;
                    }
                }
            }
        }

        private void append(String text) {
            if (preDepth > 0 && text.indexOf('\n') >= 0) {
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        newLine();
                    }
                    appendInline(lines[i]);
                }
                return;
            }
            appendInline(text);
        }

        private void appendInline(String text) {
            String piece = atLineStart && preDepth == 0 ? text.stripLeading() : text;
            if (piece.isEmpty()) {
                return;
            }
            if (atLineStart) {
                out.append(QUOTE_PREFIX.repeat(quoteDepth));
                atLineStart = false;
            }
            out.append(piece);
        }

        private void newLine() {
            if (atLineStart && quoteDepth > 0) {
                // keep blank lines inside a quote recognisable as quoted
                out.append(QUOTE_PREFIX.repeat(quoteDepth).strip());
            }
            out.append('\n');
            atLineStart = true;
        }

        private void endLine() {
            if (!atLineStart) {
                newLine();
            }
        }

        String text() {
            return out.toString().replace('\u00A0', ' ');
        }
    }
}
