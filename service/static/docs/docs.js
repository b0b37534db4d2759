// /docs: Swagger UI (from the swagger-ui-bundle package) on the committed openapi.yaml. The key
// typed here (or on the demo page, same tab) goes with every request, the document's included.
"use strict";

const KEY_STORAGE = "quotes-api-key"; // sessionStorage: it ends with the tab
const key = sessionStorage.getItem(KEY_STORAGE) || "";
const root = document.getElementById("swagger-ui");
document.getElementById("key").value = key;

document.getElementById("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY_STORAGE, document.getElementById("key").value.trim());
  window.location.reload(); // Swagger UI loads the document once, with the key it starts with
});

window.SwaggerUIBundle({
  url: root.dataset.spec,
  domNode: root,
  validatorUrl: null, // no calls to validator.swagger.io
  requestInterceptor: (request) => {
    if (key && !request.headers.Authorization) request.headers.Authorization = `Bearer ${key}`;
    return request;
  },
});
