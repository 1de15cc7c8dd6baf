import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ProblemError } from "../shared/http.ts";
import { isProblem } from "../shared/problem.ts";

/** `onUnauthenticated` runs when the session has ended (expired, logged out elsewhere). */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (isProblem(error, "auth.unauthenticated")) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network failures and 5xx get two more tries.
        retry: (failures, error) => !(error instanceof ProblemError && error.status < 500) && failures < 2,
      },
    },
  });
}
