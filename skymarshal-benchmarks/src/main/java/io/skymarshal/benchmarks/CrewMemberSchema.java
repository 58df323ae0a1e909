package io.skymarshal.benchmarks;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The enhanced client's schema of {@link CrewMember}, writing and reading the same attributes as
 * the library's hand mapper, so both read the same table: what a user of the enhanced client
 * would have to write for an immutable record.
 */
final class CrewMemberSchema {
  private CrewMemberSchema() {}

  static final StaticImmutableTableSchema<CrewMember, Builder> SCHEMA =
      StaticImmutableTableSchema.builder(CrewMember.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(String.class, a -> a.name("crew_id").getter(CrewMember::id).setter(Builder::id)
              .tags(primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name("name").getter(CrewMember::name).setter(Builder::name))
          .addAttribute(String.class, a -> a.name("position").getter(c -> c.position().name()).setter(Builder::position))
          .addAttribute(String.class, a -> a.name("base").getter(CrewMember::base).setter(Builder::base))
          .addAttribute(EnhancedType.setOf(String.class), a -> a.name("qualifications")
              .getter(c -> c.qualifications().isEmpty() ? null : c.qualifications()).setter(Builder::qualifications))
          .build();

  /** The mutable builder the enhanced client fills. */
  static final class Builder {
    private String id;
    private String name;
    private String position;
    private String base;
    private Set<String> qualifications;

    void id(String v) {
      id = v;
    }

    void name(String v) {
      name = v;
    }

    void position(String v) {
      position = v;
    }

    void base(String v) {
      base = v;
    }

    void qualifications(Set<String> v) {
      qualifications = v;
    }

    CrewMember build() {
      return new CrewMember(id, name, CrewPosition.valueOf(position), base, qualifications == null ? Set.of() : qualifications);
    }
  }
}
