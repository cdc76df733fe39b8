package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextExtractorTest {

    @Test
    void keepsLineBreaksForBrParagraphsDivsAndListItems() {
        String html = "<p>First</p><div>Second<br>Third</div><ul><li>One</li><li>Two</li></ul>";

        assertThat(HtmlTextExtractor.toText(html).strip()).isEqualTo("First\nSecond\nThird\n- One\n- Two");
    }

    @Test
    void dropsScriptsStylesAndDecodesEntities() {
        String html = "<style>p{color:red}</style><script>steal()</script><p>Tom &amp; Jerry &lt;3 &#1513;&#x05DC;</p>";

        assertThat(HtmlTextExtractor.toText(html).strip()).isEqualTo("Tom & Jerry <3 של");
    }

    @Test
    void prefixesBlockquotedTextSoItIsStrippedAsQuote() {
        String html = "<div>My answer</div><blockquote type=\"cite\">Old line one<br>Old line two</blockquote>";

        assertThat(HtmlTextExtractor.toText(html).strip()).isEqualTo("My answer\n> Old line one\n> Old line two");
    }

    @Test
    void collapsesSourceWhitespaceOutsidePre() {
        String html = "<p>Many\n   spaces\there</p><pre>keep\n  this</pre>";

        assertThat(HtmlTextExtractor.toText(html).strip()).isEqualTo("Many spaces here\nkeep\n  this");
    }
}
