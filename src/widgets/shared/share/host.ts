/** The share host as the essay and other pages see it (they reach state only through widgets). */
export {
  linksFrom,
  type ShareHost,
  ShareHostProvider,
  type ShareLinks,
  useShareHost,
} from "../../../state/share/shareHost";
