package io.skymarshal.prompt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.prompt.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-optimisation rendering of a prompt tree: each top-level section gets a sentence of
 * introduction and its content as an indented JSON dump with descriptive field names, the way
 * the earlier system built its prompts ({@code json.dumps(data, indent=2)} under prose headings).
 * It carries exactly the information of the XML rendering, and nothing added. Thread-safe.
 */
public final class VerboseRenderer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, String> glossary;
  private final Map<String, String> intros;

  /**
   * @param glossary descriptive names by compact element or attribute name; names not in it are
   *                 used as they are
   * @param intros   the sentence introducing each top-level section, by element name
   */
  public VerboseRenderer(Map<String, String> glossary, Map<String, String> intros) {
    this.glossary = Map.copyOf(glossary);
    this.intros = Map.copyOf(intros);
  }

  /**
   * The prose rendering of {@code root}: {@code opening}, then each child section with its
   * heading, introduction and JSON dump, then {@code task} under its own heading.
   */
  public String render(String opening, XmlElement root, String taskProse) {
    StringBuilder out = new StringBuilder(2048).append(opening).append("\n\n");
    for (XmlElement section : root.children()) {
      if (section.name().equals("task")) {
        continue;
      }
      out.append("## ").append(heading(section.name())).append('\n');
      String intro = intros.get(section.name());
      if (intro != null) {
        out.append(intro).append('\n');
      }
      out.append("```json\n").append(dump(section)).append("\n```\n\n");
    }
    out.append("## Your task\n").append(taskProse).append('\n');
    return out.toString();
  }

  private String heading(String name) {
    String longName = glossary.getOrDefault(name, name).replace('_', ' ');
    return Character.toUpperCase(longName.charAt(0)) + longName.substring(1);
  }

  private String dump(XmlElement section) {
    try {
      return JSON.writeValueAsString(toJson(section));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree of strings", e);
    }
  }

  private JsonNode toJson(XmlElement e) {
    if (e.attributes().isEmpty() && e.children().isEmpty()) {
      return NODES.textNode(e.text());
    }
    ObjectNode o = NODES.objectNode();
    e.attributes().forEach((k, v) -> o.put(longName(k), v));
    if (!e.text().isEmpty()) {
      o.put("text", e.text());
    }
    Map<String, List<XmlElement>> groups = new LinkedHashMap<>();
    for (XmlElement c : e.children()) {
      groups.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
    }
    groups.forEach((name, list) -> {
      if (list.size() == 1) {
        o.set(longName(name), toJson(list.get(0)));
      } else {
        ArrayNode a = o.putArray(longName(name));
        list.forEach(c -> a.add(toJson(c)));
      }
    });
    return o;
  }

  private String longName(String name) {
    return glossary.getOrDefault(name, name);
  }
}
