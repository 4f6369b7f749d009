/**
 * The development key pair of Cloudflare Access, committed on purpose like the development service-account key in
 * `.dev.vars.example`: `npm start` and the tests sign their Access identities with it, and the local stack serves its
 * public half as the team's JWKS (`/cdn-cgi/access/certs`). No Cloudflare team knows this key; never configure it
 * in production. Imported by tools and tests only, never by `src/`.
 */

/** Key id of the development key, as Access puts it in the JWT header. */
export const DEV_ACCESS_KID = "dvk-dev-access-1";

/** Audience tag and scorer e-mail of the development identity (the same as in `.dev.vars.example`). */
export const DEV_ACCESS_AUD = "dvk-score-dev";
export const DEV_SCORER_EMAIL = "ban-chi-dao@dvk-score.dev";

/** The private half, as a JWK (RS256). */
export const DEV_ACCESS_PRIVATE_JWK = {
  kid: "dvk-dev-access-1",
  alg: "RS256",
  use: "sig",
  kty: "RSA",
  n: "qOARn_jSXXYO_DT48QdHwcdUjEk3Fo5pWmvTLEa846a7tVmVMbFy5BuLRk-IkwhZMizMDtmn3nd_lMoPoQpnUaP0YTIFSKlN2i9YeRslvwvGgvF1MxhuLoJZOL_l2AJ4ncw8rqKB6xMPW63xaDVtYhpC7UgCPS72RycZ21zFBsKzjbC8h8jNkaYQjrld0RY56-NopfxGbhMcSu-aeb6v42gRMn-5M8pr-qtJqCiXjH9so3eAoCnPXrBU68tKARYgTIV0bI2coKigyUHmrrXuZscMLmUsIHXkshK5mnHE2eyDXHKcRv5_NW9Tnf3rNogB7DgKaDTVTPE1JDzYNIRlCw",
  e: "AQAB",
  d: "BUH3107JFEo8RgBLZ9jdx3V_Q_oOxWlo2knVHBT8hVHuZV0FChqhaxZFP2RZtv1hjL0pG6VAvR2XUt75N_65uY75nGhERdjcXAvXtoPwqIJwJPXp7wDptt6UDIvc8Ha5odNEAf18cgDFgtZnJHyiJS9c7UPhESqViSDGHoN3sH6LLJF13AwAOk78_Nejvt2wZINuKx8snycNCuDoRYIbkimXQtTW4Ko2g20H4lfFtUip3S6claPQS0v45hpeGaP2x-jXtMxqbtbjKXmxU6BESPKIzysuSJnuJyv6syxxb4KD_qljRNKRbooLsvipkj3kMQJkfIyRtiuiWCe-P0LCsQ",
  p: "2lZuYZqZNxWVhKGn6LK0ZHxMUC1c11sdc6d1WUIKgoZCa78-IZRdQzEGr7njbPLnI4-oc-2ezMDJLPzrbVrW_RnM-2JRfzHyJR8IJGe4XF-JhYLRAI543MihoofF2GtHUCY2XSdaZmthdBnRPWSb1VZ4VWNRF8Ig6c_cODEPoz8",
  q: "xgFuHTWFkpTayPlI_XYg4qjf-xfYhx9Ys7A7LUqtREPbpMuFbi5SAuRmNLvGlx7koBHKtnInf8ri90sO6T7BKtehLzX7Xuso23mjc2t6CyA7DBo9nhKJ6M8G9lt_u8HpEFXUa4MUlRy57ouBrTRnun--hAUCEgNklIcN99BXJzU",
  dp: "WvlGdt6-1mfk6-Wbm-bSKUhtV77-_zCU3fq5d55_2JDungyKa91w2q1T1uaCb4PqcTPLgbpRv4jYiik8Q01lZQJaGaiGwpPiDDuY3epls_-OwpWWVkAG9h-W0az2780LYsb5QelCzogRjBmxyH3iPIsSCqoeQOL_aczVOoietms",
  dq: "wMddrSSR8t_oj2ld7iBX7jYbND3IO-6CDxiS1Qry3RbwP2dDdr20bUpwVAFKXZHfaBVKdw13dY1UIw656s-FhK_CJ9P39DciZWTthY9rmG997c-SlFdaXAdMsQjuuSAXSSc3lKFfpbn9MMo0rCzsnQCIvcKefGk_QPio2dDHOc0",
  qi: "rsd2VTkDL3_sRAB5sV-z4G09vb89KxnZc17ORMVtFJAHLL2SCqwnJs6pe6OXii39ZUaCTMAxWRvF34P2OOHiFhspne8uQq2Hc4g_cZ0gYIHtXhlYWpfOBUL7ZGVCfnG3a6lW1Bms_w1eQBwo3dcGwPj_bBy6_kvrugmsQf90Q8E",
} as const;

/** The team's JWKS as Access serves it at `https://<team>.cloudflareaccess.com/cdn-cgi/access/certs`. */
export function devAccessJwks(): { keys: Record<string, string>[] } {
  const { kty, n, e, kid, alg, use } = DEV_ACCESS_PRIVATE_JWK;
  return { keys: [{ kty, n, e, kid, alg, use }] };
}
