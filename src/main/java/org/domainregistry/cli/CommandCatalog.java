package org.domainregistry.cli;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.domainregistry.api.graphql.AdminSchema;

/**
 * The commands of the {@code domain} CLI, derived from the admin GraphQL schema as
 * {@code mongooseimctl} derives its own: one command per field of the {@code domain} category of
 * queries and mutations, with the field's arguments and description.
 */
final class CommandCatalog {
  private final Map<String, CliCommand> commands;

  private CommandCatalog(Map<String, CliCommand> commands) {
    this.commands = commands;
  }

  /** The commands of the schema on the class path. */
  static CommandCatalog load() {
    TypeDefinitionRegistry types = AdminSchema.typeDefinitions();
    Map<String, CliCommand> commands = new TreeMap<>();
    addCategory(types, AdminSchema.QUERY, "query", commands);
    addCategory(types, AdminSchema.MUTATION, "mutation", commands);
    return new CommandCatalog(commands);
  }

  /** Every command, by name. */
  Collection<CliCommand> all() {
    return commands.values();
  }

  Optional<CliCommand> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  private static void addCategory(TypeDefinitionRegistry types, String root, String operation,
                                  Map<String, CliCommand> commands) {
    FieldDefinition category = objectType(types, root).orElseThrow().getFieldDefinitions().stream()
        .filter(field -> field.getName().equals(AdminSchema.CATEGORY))
        .findFirst().orElseThrow();
    for (FieldDefinition field : objectType(types, TypeUtil.unwrapAll(category.getType()).getName())
        .orElseThrow().getFieldDefinitions()) {
      commands.put(field.getName(), new CliCommand(field.getName(), operation, firstLine(field.getDescription()),
          field.getInputValueDefinitions().stream().map(CommandCatalog::argument).toList(),
          selection(types, field.getType())));
    }
  }

  private static CliArgument argument(InputValueDefinition input) {
    Type<?> type = input.getType();
    return new CliArgument(input.getName(), TypeUtil.simplePrint(type), TypeUtil.isNonNull(type),
        TypeUtil.unwrapAll(type).getName().equals("Int"));
  }

  private static String selection(TypeDefinitionRegistry types, Type<?> result) {
    return objectType(types, TypeUtil.unwrapAll(result).getName())
        .map(object -> object.getFieldDefinitions().stream().map(FieldDefinition::getName)
            .collect(Collectors.joining(" ", " { ", " }")))
        .orElse("");
  }

  private static Optional<ObjectTypeDefinition> objectType(TypeDefinitionRegistry types, String name) {
    return types.getType(name, ObjectTypeDefinition.class);
  }

  private static String firstLine(Description description) {
    return description == null ? "" : description.getContent().strip().lines().findFirst().orElse("");
  }
}
