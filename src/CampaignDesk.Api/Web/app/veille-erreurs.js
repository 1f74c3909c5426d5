// The API's problems on the parliament watch forms: each field's message under its own field, the rest above the button.
import { fieldLabel, h } from "./app.js";

const labels = {
  keywords: "Mots-clés", ministries: "Ministères", kinds: "Types de textes", since: "Depuis le", scope: "Textes de qui",
  recommendation: "Vote recommandé", voteUid: "Scrutin", version: "Version",
};

/** An empty slot per field, to put under it. */
export function errorSlots(names) {
  return Object.fromEntries(names.map((name) => [name, h("div", { "aria-live": "polite", dataset: { erreur: name } })]));
}

/** Clears the slots; with an error, its field messages in their slots and the rest (and the general message) in result. */
export function showErrors(error, slots, result) {
  for (const slot of Object.values(slots)) slot.replaceChildren();
  result.replaceChildren();
  if (!error) return;
  const rest = [];
  for (const [name, messages] of Object.entries(error.errors ?? {})) {
    const slot = slots[name] ?? slots[name.split(/[.[]/)[0]];
    if (slot) slot.replaceChildren(h("div", { class: "erreur" }, messages.map((m) => h("p", {}, m))));
    else rest.push(h("p", {}, `${labels[name] ?? fieldLabel(name)} : ${messages.join(" ")}`));
  }
  result.replaceChildren(h("div", { class: "erreur", role: "alert" }, h("p", {}, error.message), rest));
}
