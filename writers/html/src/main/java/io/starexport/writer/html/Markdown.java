package io.starexport.writer.html;

import com.fasterxml.jackson.core.JsonGenerator;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown (as Reddit writes it) turned into a small tree of allowed elements, parsed by commonmark-java.
 * Raw HTML in the text stays text, images become links, and only http and https links keep their target;
 * the page builds the tree with DOM calls and text nodes, so no markup from the text is ever parsed.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();

    /** One element: a tag from a fixed set, an http(s) link target for {@code a} (else empty) and children. */
    record Element(String tag, String href, List<Object> children) {
    }

    private Markdown() {
    }

    /** The text's elements; each child is a {@link String} (text) or an {@link Element}. */
    static List<Object> parse(String text) {
        List<Object> out = new ArrayList<>();
        children(PARSER.parse(text), out);
        return out;
    }

    /** The tree as JSON: a text is a string, an element is {@code [tag, href, children...]}. */
    static void write(JsonGenerator json, List<Object> nodes) throws IOException {
        json.writeStartArray();
        for (Object node : nodes) {
            writeNode(json, node);
        }
        json.writeEndArray();
    }

    private static void writeNode(JsonGenerator json, Object node) throws IOException {
        if (node instanceof Element element) {
            json.writeStartArray();
            json.writeString(element.tag());
            json.writeString(element.href());
            for (Object child : element.children()) {
                writeNode(json, child);
            }
            json.writeEndArray();
        } else {
            json.writeString((String) node);
        }
    }

    /** The tree as escaped HTML, for the parts of the report Java renders. */
    static String html(List<Object> nodes) {
        StringBuilder html = new StringBuilder();
        for (Object node : nodes) {
            if (node instanceof Element element) {
                html.append('<').append(element.tag());
                if (!element.href().isEmpty()) {
                    html.append(" href=\"").append(Html.escape(element.href()))
                            .append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\"");
                }
                html.append('>');
                if (!List.of("br", "hr").contains(element.tag())) {
                    html.append(html(element.children())).append("</").append(element.tag()).append('>');
                }
            } else {
                html.append(Html.escape((String) node));
            }
        }
        return html.toString();
    }

    private static void children(Node parent, List<Object> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            convert(node, out);
        }
    }

    private static void convert(Node node, List<Object> out) {
        if (node instanceof Text text) {
            out.add(text.getLiteral());
        } else if (node instanceof Code code) {
            out.add(new Element("code", "", List.of(code.getLiteral())));
        } else if (node instanceof SoftLineBreak) {
            out.add("\n");
        } else if (node instanceof HardLineBreak) {
            out.add(new Element("br", "", List.of()));
        } else if (node instanceof ThematicBreak) {
            out.add(new Element("hr", "", List.of()));
        } else if (node instanceof HtmlInline html) {
            out.add(html.getLiteral());
        } else if (node instanceof HtmlBlock html) {
            out.add(new Element("p", "", List.of(html.getLiteral())));
        } else if (node instanceof FencedCodeBlock code) {
            out.add(new Element("pre", "", List.of(code.getLiteral())));
        } else if (node instanceof IndentedCodeBlock code) {
            out.add(new Element("pre", "", List.of(code.getLiteral())));
        } else if (node instanceof Heading) {
            out.add(new Element("p", "", List.of(element("strong", "", node))));
        } else if (node instanceof Link link) {
            linked(link.getDestination(), node, out);
        } else if (node instanceof Image image) {
            linked(image.getDestination(), node, out);
        } else if (!(node instanceof LinkReferenceDefinition)) {
            String tag = tag(node);
            if (tag == null) {
                children(node, out);
            } else {
                out.add(element(tag, "", node));
            }
        }
    }

    /** A link to an http(s) target; any other target ({@code javascript:}, {@code data:}) keeps only its text. */
    private static void linked(String destination, Node node, List<Object> out) {
        if (Html.isWebLink(destination)) {
            out.add(element("a", destination, node));
        } else {
            children(node, out);
        }
    }

    private static Element element(String tag, String href, Node node) {
        List<Object> children = new ArrayList<>();
        children(node, children);
        return new Element(tag, href, children);
    }

    private static String tag(Node node) {
        if (node instanceof Paragraph) {
            return "p";
        }
        if (node instanceof Emphasis) {
            return "em";
        }
        if (node instanceof StrongEmphasis) {
            return "strong";
        }
        if (node instanceof BlockQuote) {
            return "blockquote";
        }
        if (node instanceof BulletList) {
            return "ul";
        }
        if (node instanceof OrderedList) {
            return "ol";
        }
        if (node instanceof ListItem) {
            return "li";
        }
        return null;
    }
}
