/** A passage retrieved from the library, labelled by the caller with the id the model cites. */
export interface RetrievedPassage {
  /** "P1", "P2", … assigned by the caller; unique within one request. */
  id: string;
  text: string;
  title: string;
}

/** One answer sentence that survived the citation guard. */
export interface GeneratedSentence {
  /** The sentence without its [P1] markers. */
  text: string;
  /** The passages it cites, in order of first mention, without repeats. */
  passageIds: string[];
}

export interface GeneratedAnswer {
  sentences: GeneratedSentence[];
  /** How many sentences the guard removed (uncited, unknown id or unsupported). */
  dropped: number;
  /** The model that answered, as the endpoint reports it (the configured one otherwise). */
  model: string;
}

/** A chat message in the OpenAI chat-completions shape. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
