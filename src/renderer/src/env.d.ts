/** CSS modules: class names by key (vite turns them into hashed names). */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>
  export default classes
}

declare module '*.css'
