"use strict";document.title="acme";
//# sourceMappingURL=site.js.map
