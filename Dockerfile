# Image of a node, built from source (README "Operating", Kubernetes):
#   docker build -t domain-registry:0.1.0 .
# Stage 1 builds the jar with Maven; stage 2 is a JRE with the jar alone, run as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY conf ./conf
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 registry \
    && useradd --system --uid 10001 --gid registry --no-create-home --shell /usr/sbin/nologin registry
COPY --from=build /src/target/domain-registry.jar /app/domain-registry.jar
COPY --from=build /src/conf /app/conf
WORKDIR /app
USER 10001:10001
EXPOSE 8088 5701
# Heap from the container's memory limit; the JVM flags the jar needs are in its manifest.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/domain-registry.jar"]
