package org.domainregistry.admins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Password details in MongooseIM's SCRAM format: what we write, and what MongooseIM wrote. */
class ScramPasswordTest {

  @Test
  void aPasswordIsStoredAsSaltedIteratedScramSha512Keys() {
    String details = ScramPassword.hash("padthai");

    String[] parts = details.split(",");
    assertThat(parts).hasSize(3);
    assertThat(parts[0]).isEqualTo("==MULTI_SCRAM==");
    assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(10_000);
    assertThat(parts[2]).startsWith("==SHA512==");
    String[] keys = parts[2].substring("==SHA512==".length()).split("\\|");
    assertThat(Base64.getDecoder().decode(keys[0])).hasSize(16);
    assertThat(Base64.getDecoder().decode(keys[1])).hasSize(64);
    assertThat(Base64.getDecoder().decode(keys[2])).hasSize(64);
    assertThat(details).doesNotContain("padthai");
  }

  @Test
  void onlyTheRightPasswordMatches() {
    String details = ScramPassword.hash("right password");

    assertThat(ScramPassword.verify(details, "right password")).isTrue();
    assertThat(ScramPassword.verify(details, "Right password")).isFalse();
    assertThat(ScramPassword.verify(details, "")).isFalse();
  }

  @Test
  void equalPasswordsGetDifferentDetails() {
    assertThat(ScramPassword.hash("same")).isNotEqualTo(ScramPassword.hash("same"));
  }

  @Test
  void unicodePasswordsAreComparedInNormalForm() {
    String details = ScramPassword.hash("caf\u00e9");

    assertThat(ScramPassword.verify(details, "cafe\u0301")).isTrue();
  }

  @Test
  void detailsWrittenByMongooseImAreVerified() {
    String multi = "==MULTI_SCRAM==,4096,"
        + "===SHA1===QClQsw/sfPEnwj4AEp6E1w==|ys1104hRhqMoRputBY5sLHKXoSw=|EJvxXWM42tO7BgW21lNZyBc1dD0=,"
        + "==SHA512==SLNuVNcWiNBmnYZNIdj+zg==|3ey3gzSsmbxcLnoc1VKCR/739uKX6uuPCyAzn6x8o87ibcjOdUaU8qhL5X4MUI9UPTt667G"
        + "agNpVTmAWTFNsjA==|jUUDbuQ9ae4UnAWS6RV6W4yifX3La3ESjfZjGol+TBROIb/ihR8UawPHrSHkp4yyDJXtRhR9RlHCHy4bcCm1Yg==";
    String sha1Only = "==MULTI_SCRAM==,4096,"
        + "===SHA1===QClQsw/sfPEnwj4AEp6E1w==|ys1104hRhqMoRputBY5sLHKXoSw=|EJvxXWM42tO7BgW21lNZyBc1dD0=";
    String legacy = "==SCRAM==,tmi5IE+9pceRV/jkPLFHEaVY33c=,MiWNa8T3dniVDwmh77ufJ41fpAQ=,inKXODlSY5y5SCsLxibi0w==,4096";

    assertThat(ScramPassword.verify(multi, "padthai")).isTrue();
    assertThat(ScramPassword.verify(multi, "pad thai")).isFalse();
    assertThat(ScramPassword.verify(sha1Only, "padthai")).isTrue();
    assertThat(ScramPassword.verify(legacy, "misio")).isTrue();
    assertThat(ScramPassword.verify(legacy, "misia")).isFalse();
  }

  @Test
  void unreadableDetailsNeverMatch() {
    for (String garbage : new String[] {"", "secret", "==MULTI_SCRAM==,x,==SHA512==a|b|c", "==MULTI_SCRAM==,4096",
        "==MULTI_SCRAM==,4096,==SHA512==!!|!!|!!", "==SCRAM==,a,b", "==MULTI_SCRAM==,0,==SHA512==AA==|AA==|AA==",
        "==MULTI_SCRAM==,4096,==SHA512==|AA==|AA==", "==SCRAM==,AA==,AA==,,4096"}) {
      assertThat(ScramPassword.isReadable(garbage)).as(garbage).isFalse();
      assertThat(ScramPassword.verify(garbage, "secret")).as(garbage).isFalse();
    }
  }
}
