(()=>{"use strict";console.log("dashboard")})();
//# sourceMappingURL=main.3f2a9c1b.js.map
