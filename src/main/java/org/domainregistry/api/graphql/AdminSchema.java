package org.domainregistry.api.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin GraphQL schema, MongooseIM's {@code domain} category, read from
 * {@value #RESOURCE}: served by the node and turned into commands by the CLI.
 */
public final class AdminSchema {
  /** Class-path location of the schema. */
  public static final String RESOURCE = "/graphql/domain-admin.graphql";
  /** Root query type. */
  public static final String QUERY = "AdminQuery";
  /** Root mutation type. */
  public static final String MUTATION = "AdminMutation";
  /** The one category: the field of both roots holding the domain commands. */
  public static final String CATEGORY = "domain";

  private AdminSchema() {}

  /** The parsed type definitions. */
  public static TypeDefinitionRegistry typeDefinitions() {
    try (InputStream in = AdminSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the class path");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new SchemaParser().parse(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
