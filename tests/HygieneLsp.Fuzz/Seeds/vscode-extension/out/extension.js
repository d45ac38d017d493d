"use strict";Object.defineProperty(exports,"__esModule",{value:!0});exports.activate=void 0;
//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIi4uL3NyYy9leHRlbnNpb24udHMiXSwic291cmNlc0NvbnRlbnQiOlsiZXhwb3J0IGZ1bmN0aW9uIGFjdGl2YXRlKCkge30iXSwibWFwcGluZ3MiOiJBQUFBIn0=
