/**
 * house/auth-documents-401: an operation that requires credentials (a security requirement with
 * no empty `{}` alternative) must document its 401 response, so clients and mocks know its shape.
 */
export default function AuthDocuments401() {
  return {
    Operation: {
      enter(operation, ctx) {
        const security = operation.security;
        if (!Array.isArray(security) || security.length === 0) return;
        const optional = security.some((req) => req && Object.keys(req).length === 0);
        if (optional) return;
        if (operation.responses && operation.responses['401']) return;
        ctx.report({
          message:
            'Operation requires credentials but documents no `401` response. Add a `401` response using one of the documented error shapes.',
          location: ctx.location.child('responses').key(),
        });
      },
    },
  };
}
