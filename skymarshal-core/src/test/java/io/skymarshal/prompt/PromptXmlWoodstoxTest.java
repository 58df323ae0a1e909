package io.skymarshal.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What writing and reading through Woodstox must not change: Woodstox hands long text to the
 * escaper in pieces, and reading from a string it lets through characters XML forbids.
 */
class PromptXmlWoodstoxTest {

  @Test
  void render_whenLongTextSplitsPairsAndBackslashU_escapesAsIfWhole() {
    // 4 characters a unit, so the unit boundaries fall at every offset of Woodstox's pieces
    String unit = "x\uD83D\uDE00\\u";
    String text = unit.repeat(3001);
    XmlElement e = XmlElement.builder("d").attr("a", text).text(text).build();

    String xml = PromptXml.render(e);

    String escaped = "x\uD83D\uDE00\\u005Cu".repeat(3001);
    assertThat(xml).isEqualTo("<d a=\"" + escaped + "\">" + escaped + "</d>");
    assertThat(PromptXml.parse(xml)).isEqualTo(e);
  }

  @Test
  void render_whenLongTextOfMetacharactersAndLoneSurrogates_roundTrips() {
    String text = "<&>\"'\r\t\n\uD800\uDC00\uDC00\uD800\u0000".repeat(997);
    XmlElement e = XmlElement.builder("d").attr("a", text).text(text).build();

    String xml = PromptXml.render(e);

    assertThat(xml).doesNotContain("\uDC00\uD800").doesNotContain("\u0000").doesNotContain("\r");
    assertThat(PromptXml.parse(xml)).isEqualTo(e);
  }

  @Test
  void parse_whenRawCharactersXmlForbids_throws() {
    for (String bad : new String[] {"\uFFFE", "\uFFFF", "\uD800", "\uDC00", "x\uDBFF"}) {
      assertThatThrownBy(() -> PromptXml.parse("<a>" + bad + "</a>"))
          .isInstanceOf(PromptParseException.class).hasMessageContaining("not well-formed");
      assertThatThrownBy(() -> PromptXml.parse("<a b=\"" + bad + "\"/>"))
          .isInstanceOf(PromptParseException.class).hasMessageContaining("attribute b");
    }
  }

  @Test
  void parse_whenValidSurrogatePairRaw_keepsIt() {
    assertThat(PromptXml.parse("<a b=\"\uD83D\uDE00\">\uD83D\uDE00</a>"))
        .isEqualTo(XmlElement.builder("a").attr("b", "\uD83D\uDE00").text("\uD83D\uDE00").build());
  }

  @Test
  void parse_whenUndeclaredEntity_throwsTypedError() {
    assertThatThrownBy(() -> PromptXml.parse("<a>&ampamp;</a>")).isInstanceOf(PromptParseException.class)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void parse_whenPrefixedName_rejectsIt() {
    // names never have a colon; the JDK's reader used to drop the prefix of an attribute silently
    assertThatThrownBy(() -> PromptXml.parse("<a x:b=\"1\"/>")).isInstanceOf(PromptParseException.class);
    assertThatThrownBy(() -> PromptXml.parse("<x:a/>")).isInstanceOf(PromptParseException.class);
  }
}
