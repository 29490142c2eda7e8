# Passerelle as a container: build the production jar, then run it on a JRE.
# Build:  docker build -t passerelle .   (needs a Docker engine; none runs on the development machines)
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Pproduction dependency:go-offline
COPY db db
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q -Pproduction package -DskipTests \
    && java -Djarmode=tools -jar target/passerelle.jar extract --destination /app

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 passerelle
WORKDIR /app
COPY --from=build /app /app
USER passerelle
EXPOSE 8080
ENV TZ=Europe/Paris
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD wget -qO- http://localhost:8080/management/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/passerelle.jar"]
